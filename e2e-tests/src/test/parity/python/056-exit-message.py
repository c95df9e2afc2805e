"""sys.exit with a string: the message goes to stderr and the exit status is 1."""
import sys

print("validating configuration")
errors = [name for name in ["port", "host"] if name not in {"host": "x"}]
if errors:
    sys.exit(f"configuration error: missing {', '.join(errors)}")
