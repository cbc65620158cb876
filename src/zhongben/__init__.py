"""zhongben (终本): supervision of enforcement cases closed by 终结本次执行程序."""

__version__ = "0.1.0"
