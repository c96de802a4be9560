"""Print the bad-input catalogue as a Markdown table: what the student did -> what they see."""

import importlib
import pkgutil

import tests.bad_inputs as package
from cqlab.errors import CqlabInputError


def rows():
    for info in pkgutil.iter_modules(package.__path__):
        if info.name.startswith("cases_"):
            for case in importlib.import_module(f"tests.bad_inputs.{info.name}").CASES:
                try:
                    case.call()
                    seen = "(no error: a bug)"
                except CqlabInputError as error:
                    seen = str(error)
                yield info.name[6:], case.what, seen


if __name__ == "__main__":
    print("| topic | what the student did | what the student sees |\n| --- | --- | --- |")
    for topic, what, seen in rows():
        print(f"| {topic} | {what} | {seen.replace('|', '/')} |")
