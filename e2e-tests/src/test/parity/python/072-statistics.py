"""statistics: central tendency, spread, quantiles, NormalDist, correlation and regression over fixed data, errors."""
import statistics as st
from decimal import Decimal
from fractions import Fraction

data = [2.5, 3.1, 4.7, 4.7, 5.0, 6.2, 7.9, 8.8, 9.1, 12.4]
print(st.mean(data), st.fmean(data), st.geometric_mean(data), st.harmonic_mean(data), st.median(data))
print(st.median_low(data), st.median_high(data), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.mode(data), st.multimode("aabbbccc"))
print(st.pstdev(data), st.stdev(data), st.pvariance(data), st.variance(data))
print(st.quantiles(data, n=4), st.quantiles(data, n=10, method="inclusive"))
print(st.mean([Fraction(1, 3), Fraction(2, 3), Fraction(1, 2)]), st.mean([Decimal("1.1"), Decimal("2.2")]), st.variance([Fraction(1), Fraction(2), Fraction(4)]))
nd = st.NormalDist(100, 15)
print(nd.cdf(130), nd.inv_cdf(0.975), nd.pdf(100), nd.overlap(st.NormalDist(110, 10)), nd.zscore(85), (nd + 5).mean, (nd * 2).stdev)
print([round(q, 6) for q in nd.quantiles(5)], st.NormalDist.from_samples(data))
x = [1, 2, 3, 4, 5, 6, 7, 8]
y = [2.1, 3.9, 6.2, 7.8, 10.1, 12.2, 13.8, 16.1]
print(st.correlation(x, y), st.covariance(x, y), st.linear_regression(x, y), st.linear_regression(x, y, proportional=True))
print(st.correlation(x, [8, 7, 6, 5, 4, 3, 2, 1]))
for bad in [lambda: st.mean([]), lambda: st.stdev([1]), lambda: st.harmonic_mean([-1, 2]), lambda: st.correlation([1, 1], [2, 3])]:
    try:
        bad()
    except st.StatisticsError as e:
        print("StatisticsError:", e)
print(st.mean(range(1, 2001)), st.median(range(10**4)), st.fmean([1, 2, 3], weights=[3, 2, 1]))
