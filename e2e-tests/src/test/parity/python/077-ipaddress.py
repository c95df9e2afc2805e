"""ipaddress: IPv4/IPv6 addresses and networks, subnetting, membership, summarisation, properties and errors."""
import ipaddress as ip

for text in ["192.168.1.10", "10.0.0.1", "127.0.0.1", "8.8.8.8", "169.254.1.1", "224.0.0.1", "::1", "2001:db8::8a2e:370:7334", "fe80::1", "::ffff:192.0.2.1"]:
    a = ip.ip_address(text)
    print(f"{text:>24} v{a.version} private={a.is_private} global={a.is_global} loopback={a.is_loopback} "
          f"link_local={a.is_link_local} multicast={a.is_multicast} packed={a.packed.hex()} int={int(a)}")
net = ip.ip_network("10.1.0.0/16")
print(net, net.num_addresses, net.netmask, net.hostmask, net.broadcast_address, net[1], net[-2], net.prefixlen)
print(list(net.subnets(new_prefix=18)), net.supernet(prefixlen_diff=4), ip.ip_address("10.1.200.3") in net)
print(list(ip.summarize_address_range(ip.IPv4Address("192.0.2.0"), ip.IPv4Address("192.0.2.130"))))
print(list(ip.collapse_addresses([ip.ip_network(n) for n in ["192.0.2.0/25", "192.0.2.128/25", "192.0.3.0/24"]])))
iface = ip.ip_interface("192.0.2.5/24")
print(iface.ip, iface.network, iface.with_netmask, iface.with_hostmask)
v6 = ip.ip_address("2001:db8::1")
print(v6.exploded, v6.compressed, v6.reverse_pointer, ip.ip_address("::ffff:192.0.2.1").ipv4_mapped, (v6 + 255), v6 > ip.ip_address("2001:db8::"))
print(sorted([ip.ip_address("10.0.0.2"), ip.ip_address("10.0.0.10"), ip.ip_address("9.255.255.255")]))
print(list(ip.ip_network("192.168.0.0/30").hosts()), list(ip.ip_network("192.168.0.0/31").hosts()), list(ip.ip_network("2001:db8::/126").hosts()))
print(ip.ip_network("10.0.0.0/8").overlaps(ip.ip_network("10.20.0.0/16")), list(ip.ip_network("10.0.0.0/24").address_exclude(ip.ip_network("10.0.0.64/26"))))
for bad in ["256.1.1.1", "1.2.3", "10.0.0.1/33", "2001:db8:::1", "10.0.0.1/24"]:
    try:
        print(bad, "->", ip.ip_network(bad) if "/" in bad else ip.ip_address(bad))
    except ValueError as e:
        print(bad, "ValueError:", e)
