"""What people see on a terminal: progress bars and summary tables. The only package that imports rich.

Import its modules only when they are shown: rich costs tens of milliseconds to import, which a quiet run from
cron, or a pipeline of small calls, should not pay.
"""
