from . import schedules


class SGD:
    def __init__(self, learning_rate=0.01, **kwargs):
        self.learning_rate = learning_rate
