"""unittest: a suite with passes, a failure, an error, a skip and an expected failure, run verbosely to stderr.
The runner prints the elapsed time ("Ran 7 tests in 0.012s"), so the output is reproducible only in deterministic mode.
The failure makes the program exit 1."""
import unittest


class Calculator:
    def divide(self, a, b):
        return a / b


class CalculatorTest(unittest.TestCase):
    def setUp(self):
        self.calc = Calculator()

    def test_divide(self):
        self.assertEqual(self.calc.divide(10, 4), 2.5)

    def test_divide_by_zero_raises(self):
        with self.assertRaises(ZeroDivisionError):
            self.calc.divide(1, 0)

    def test_subtests(self):
        for a, b, expected in [(1, 1, 1), (9, 3, 3), (1, 4, 0.25)]:
            with self.subTest(a=a, b=b):
                self.assertAlmostEqual(self.calc.divide(a, b), expected)

    def test_deliberate_failure(self):
        self.assertEqual(self.calc.divide(1, 3), 0.33, "rounding is not what the test expects")

    def test_deliberate_error(self):
        self.calc.multiply(2, 3)

    @unittest.skip("not relevant here")
    def test_skipped(self):
        pass

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertIn("x", "abc")


if __name__ == "__main__":
    unittest.main(verbosity=2)
