"""argparse rejecting bad arguments: usage and the error go to stderr and the exit status is 2."""
import argparse
import sys

parser = argparse.ArgumentParser(prog="strict")
parser.add_argument("count", type=int)
parser.add_argument("--mode", choices=["a", "b"], required=True)
print("arguments received:", sys.argv[1:])
args = parser.parse_args()
print("not reached", args)
