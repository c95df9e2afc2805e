"""logging without timestamps: levels, handlers to stdout/stderr/file, formatters, filters, LoggerAdapter, exceptions, dictConfig."""
import logging
import logging.config
import os
import sys

os.makedirs("/out/logs", exist_ok=True)
logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(levelname)s:%(name)s:%(message)s")
logging.warning("root warning")
logging.info("root info (filtered)")
app = logging.getLogger("app")
app.setLevel(logging.DEBUG)
out = logging.StreamHandler(sys.stdout)
out.setFormatter(logging.Formatter("[%(levelname)-8s] %(name)s.%(funcName)s:%(lineno)d %(message)s"))
out.addFilter(lambda record: "secret" not in record.getMessage())
app.addHandler(out)
file_handler = logging.FileHandler("/out/logs/app.log", mode="w", encoding="utf-8")
file_handler.setFormatter(logging.Formatter("%(levelname)s|%(name)s|%(message)s"))
file_handler.setLevel(logging.INFO)
app.addHandler(file_handler)


def work():
    app.debug("debug detail %d", 42)
    app.info("info with unicode ✓")
    app.warning("a secret value (filtered from stdout)")
    try:
        1 / 0
    except ZeroDivisionError:
        app.exception("division failed")


work()
child = logging.getLogger("app.db")
child.error("child error propagates to app handlers and the root handler")
adapter = logging.LoggerAdapter(app, {"request": "r-17"})
adapter.process = lambda msg, kwargs: (f"[{adapter.extra['request']}] {msg}", kwargs)
adapter.info("adapted message")
app.propagate = False
app.critical("critical, not propagated")
file_handler.close()
print(open("/out/logs/app.log", encoding="utf-8").read())
logging.config.dictConfig({"version": 1, "disable_existing_loggers": False,
                           "formatters": {"brief": {"format": "%(name)s>%(message)s"}},
                           "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "brief"}},
                           "loggers": {"configured": {"handlers": ["console"], "level": "INFO"}}})
logging.getLogger("configured").info("from dictConfig")
print(logging.getLevelName(25), logging.getLevelName("ERROR"), logging.getLogger("app").getEffectiveLevel(), app.isEnabledFor(logging.DEBUG))
logging.addLevelName(25, "NOTICE")
logging.getLogger("configured").log(25, "custom level")
logging.lastResort.setLevel(logging.WARNING)
logging.shutdown()
