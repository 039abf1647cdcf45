"""Writes the Keras 2.x HDF5 fixtures of the model-file tests, and the outputs numpy computes from their weights.

There is no Keras on the build machine, so the files are laid out by hand exactly as Keras 2.2.4 `model.save("m.h5")`
writes them: root attributes keras_version, backend, model_config (JSON) and, when the model was compiled,
training_config (JSON); group model_weights with attribute layer_names and one group per layer, whose attribute
weight_names lists datasets stored at <layer>/<layer>/<weight>:0. Deterministic: seeded numpy, fixed-length byte
attributes as Keras writes them. Run with /usr/bin/python3 (h5py) from this folder:

    /usr/bin/python3 make_keras_fixtures.py
"""
import json
import os
import zipfile

import h5py
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
RNG = np.random.RandomState(20240611)
KERAS_VERSION = b"2.2.4"


def initializers():
    return {"kernel_initializer": {"class_name": "VarianceScaling",
                                   "config": {"scale": 1.0, "mode": "fan_avg", "distribution": "uniform", "seed": None}},
            "bias_initializer": {"class_name": "Zeros", "config": {}},
            "kernel_regularizer": None, "bias_regularizer": None, "activity_regularizer": None,
            "kernel_constraint": None, "bias_constraint": None}


def dense(name, units, activation, input_width=None):
    config = {"name": name, "trainable": True}
    if input_width is not None:
        config["batch_input_shape"] = [None, input_width]
        config["dtype"] = "float32"
    config.update({"units": units, "activation": activation, "use_bias": True})
    config.update(initializers())
    return {"class_name": "Dense", "config": config}


def sequential(name, layers):
    return {"class_name": "Sequential", "config": {"name": name, "layers": layers}}


def training_config(loss):
    return {"optimizer_config": {"class_name": "Adam",
                                 "config": {"lr": 0.001, "beta_1": 0.9, "beta_2": 0.999, "decay": 0.0, "epsilon": 1e-07,
                                            "amsgrad": False}},
            "loss": loss, "metrics": ["accuracy"], "sample_weight_mode": None, "loss_weights": None}


def write_h5(file_name, model_config, weights, train=None, keras_version=None):
    """weights: [(layer name, [(weight name, array), ...])] for every layer of the model, in order."""
    with h5py.File(os.path.join(HERE, file_name), "w") as f:
        f.attrs["keras_version"] = keras_version or KERAS_VERSION
        f.attrs["backend"] = b"tensorflow"
        f.attrs["model_config"] = json.dumps(model_config).encode("utf8")
        if train is not None:
            f.attrs["training_config"] = json.dumps(train).encode("utf8")
        group = f.create_group("model_weights")
        group.attrs["layer_names"] = np.array([name.encode("utf8") for name, _ in weights])
        group.attrs["backend"] = b"tensorflow"
        group.attrs["keras_version"] = keras_version or KERAS_VERSION
        for layer_name, layer_weights in weights:
            g = group.create_group(layer_name)
            names = [(layer_name + "/" + w + ":0").encode("utf8") for w, _ in layer_weights]
            g.attrs["weight_names"] = np.array(names) if names else np.array([], dtype="S1")
            for (w, value), full_name in zip(layer_weights, names):
                g.create_dataset(full_name.decode("utf8"), data=value.astype(np.float32))


def dense_weights(n_in, n_out):
    return [("kernel", RNG.uniform(-0.8, 0.8, size=(n_in, n_out)).astype(np.float32)),
            ("bias", RNG.uniform(-0.2, 0.2, size=(n_out,)).astype(np.float32))]


def relu(x):
    return np.maximum(x, 0)


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def apply_dense(x, layer_weights):
    return x @ layer_weights[0][1].astype(np.float64) + layer_weights[1][1].astype(np.float64)


def write_reference(file_name, inputs, outputs):
    """Inputs as our data's flat rows (images: channels x height x width), outputs as the model computes them."""
    with open(os.path.join(HERE, file_name), "w") as f:
        json.dump({"inputs": inputs.tolist(), "outputs": outputs.tolist()}, f, indent=1)
        f.write("\n")


def mlp_4_8_3(file_name, with_training_config, out_width=3):
    d1, d2 = dense_weights(4, 8), dense_weights(8, out_width)
    config = sequential("sequential_1", [dense("dense_1", 8, "relu", input_width=4),
                                         dense("dense_2", out_width, "softmax")])
    write_h5(file_name + ".h5", config, [("dense_1", d1), ("dense_2", d2)],
             training_config("categorical_crossentropy") if with_training_config else None)
    x = RNG.normal(size=(5, 4))
    write_reference(file_name + ".json", x, softmax(apply_dense(relu(apply_dense(x, d1)), d2)))


def functional(class_name="Model", name="functional_4_6_3"):
    """Keras 2.2.4 names a functional model "Model"; tf.keras >= 2.4 names it "Functional"."""
    d1, d2 = dense_weights(4, 6), dense_weights(6, 3)
    layers = [
        {"name": "input_1", "class_name": "InputLayer",
         "config": {"batch_input_shape": [None, 4], "dtype": "float32", "sparse": False, "name": "input_1"},
         "inbound_nodes": []},
        dict(dense("dense_1", 6, "tanh"), name="dense_1", inbound_nodes=[[["input_1", 0, 0, {}]]]),
        dict(dense("dense_2", 3, "softmax"), name="dense_2", inbound_nodes=[[["dense_1", 0, 0, {}]]]),
    ]
    config = {"class_name": class_name, "config": {"name": "model_1", "layers": layers,
                                                 "input_layers": [["input_1", 0, 0]],
                                                 "output_layers": [["dense_2", 0, 0]]}}
    write_h5(name + ".h5", config, [("input_1", []), ("dense_1", d1), ("dense_2", d2)],
             training_config("categorical_crossentropy"))
    x = RNG.normal(size=(5, 4))
    write_reference(name + ".json", x, softmax(apply_dense(np.tanh(apply_dense(x, d1)), d2)))


def conv_8x8():
    kernel = RNG.uniform(-0.5, 0.5, size=(3, 3, 1, 4)).astype(np.float32)  # Keras: (kh, kw, in, out)
    conv_bias = RNG.uniform(-0.1, 0.1, size=(4,)).astype(np.float32)
    d = dense_weights(3 * 3 * 4, 3)
    conv_config = {"name": "conv2d_1", "trainable": True, "batch_input_shape": [None, 8, 8, 1], "dtype": "float32",
                   "filters": 4, "kernel_size": [3, 3], "strides": [1, 1], "padding": "valid",
                   "data_format": "channels_last", "dilation_rate": [1, 1], "activation": "relu", "use_bias": True}
    conv_config.update(initializers())
    layers = [{"class_name": "Conv2D", "config": conv_config},
              {"class_name": "MaxPooling2D", "config": {"name": "max_pooling2d_1", "trainable": True, "pool_size": [2, 2],
                                                       "padding": "valid", "strides": [2, 2],
                                                       "data_format": "channels_last"}},
              {"class_name": "Flatten", "config": {"name": "flatten_1", "trainable": True, "data_format": "channels_last"}},
              dense("dense_1", 3, "softmax")]
    write_h5("conv_8x8x1.h5", sequential("sequential_1", layers),
             [("conv2d_1", [("kernel", kernel), ("bias", conv_bias)]), ("max_pooling2d_1", []), ("flatten_1", []),
              ("dense_1", d)],
             training_config("categorical_crossentropy"))

    flat = RNG.normal(size=(3, 64))                        # our rows: channels x height x width (NCHW)
    images = flat.reshape(3, 1, 8, 8).transpose(0, 2, 3, 1)  # the same images as Keras reads them (NHWC)
    conv = np.zeros((3, 6, 6, 4))
    for i in range(6):
        for j in range(6):
            patch = images[:, i:i + 3, j:j + 3, :]            # cross-correlation, as Keras computes it
            conv[:, i, j, :] = np.tensordot(patch, kernel.astype(np.float64), axes=([1, 2, 3], [0, 1, 2]))
    conv = relu(conv + conv_bias)
    pooled = conv.reshape(3, 3, 2, 3, 2, 4).max(axis=(2, 4))  # 2x2 max pooling, stride 2
    features = pooled.reshape(3, -1)                          # Keras flattens channels_last: height, width, channel
    write_reference("conv_8x8x1.json", flat, softmax(apply_dense(features, d)))


def tf_keras_2_9():
    """tf.keras 2.9 writes an InputLayer first in a Sequential's layers and names a functional model "Functional"."""
    d1, d2 = dense_weights(4, 8), dense_weights(8, 3)
    input_layer = {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 4], "dtype": "float32",
                                                         "sparse": False, "ragged": False, "name": "dense_input"}}
    config = sequential("sequential", [input_layer, dense("dense", 8, "relu"), dense("dense_1", 3, "softmax")])
    loss = {"class_name": "CategoricalCrossentropy",
            "config": {"reduction": "auto", "name": "categorical_crossentropy", "from_logits": False,
                       "label_smoothing": 0.0, "axis": -1}}
    write_h5("tf_keras_sequential.h5", config, [("dense", d1), ("dense_1", d2)], training_config(loss),
             keras_version=b"2.9.0")
    x = RNG.normal(size=(5, 4))
    write_reference("tf_keras_sequential.json", x, softmax(apply_dense(relu(apply_dense(x, d1)), d2)))


def regression_head():
    d1, d2 = dense_weights(4, 8), dense_weights(8, 1)
    config = sequential("sequential_1", [dense("dense_1", 8, "relu", input_width=4), dense("dense_2", 1, "linear")])
    write_h5("regression_mse.h5", config, [("dense_1", d1), ("dense_2", d2)], training_config("mean_squared_error"))


def unsupported_layer():
    d1, d2 = dense_weights(4, 8), dense_weights(8, 3)
    norm = {"class_name": "LayerNormalization",
            "config": {"name": "layer_normalization_1", "trainable": True, "axis": -1, "epsilon": 0.001,
                       "center": True, "scale": True}}
    config = sequential("sequential_1", [dense("dense_1", 8, "relu", input_width=4), norm, dense("dense_2", 3, "softmax")])
    write_h5("unsupported_layer.h5", config,
             [("dense_1", d1),
              ("layer_normalization_1", [("gamma", np.ones(8, np.float32)), ("beta", np.zeros(8, np.float32))]),
              ("dense_2", d2)],
             training_config("categorical_crossentropy"))


def not_models():
    # A Keras 3 ".keras" file is a zip of config.json, metadata.json and model.weights.h5.
    with zipfile.ZipFile(os.path.join(HERE, "keras3_model.keras"), "w") as z:
        info = zipfile.ZipInfo("metadata.json", date_time=(2024, 1, 1, 0, 0, 0))
        z.writestr(info, json.dumps({"keras_version": "3.3.3", "date_saved": "2024-01-01@00:00:00"}))
        info = zipfile.ZipInfo("config.json", date_time=(2024, 1, 1, 0, 0, 0))
        z.writestr(info, json.dumps({"module": "keras", "class_name": "Sequential", "config": {}}))
    with open(os.path.join(HERE, "not_a_model.h5"), "w") as f:
        f.write("sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,0.2,setosa\n")


if __name__ == "__main__":
    mlp_4_8_3("mlp_4_8_3", with_training_config=True)
    mlp_4_8_3("mlp_4_8_3_no_training_config", with_training_config=False)
    functional()
    conv_8x8()
    mlp_4_8_3("mlp_4_8_5", with_training_config=True, out_width=5)
    regression_head()
    unsupported_layer()
    tf_keras_2_9()
    functional("Functional", "tf_keras_functional")
    not_models()
