"""An uncaught exception with an explicit cause and an implicit context, raised from a class method: exit 1."""


class Config:
    def __init__(self, text):
        self.text = text

    def port(self):
        try:
            return int(self.text.split("=")[1])
        except (IndexError, ValueError) as e:
            raise RuntimeError(f"bad port setting: {self.text!r}") from e


def main():
    try:
        {}["settings"]
    except KeyError:
        print("falling back to the default setting")
        return Config("port=eighty").port()


print("start")
main()
