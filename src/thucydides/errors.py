"""Errors that name the input and say what to do."""


class ReportError(Exception):
    """A report that cannot be read; the message names the file and the fix."""

    def __init__(self, source: str, problem: str):
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
