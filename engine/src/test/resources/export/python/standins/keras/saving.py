_registered = {}


def register_keras_serializable(package="Custom", name=None):
    def decorator(cls):
        _registered[name or cls.__name__] = cls
        return cls

    return decorator
