"""The installed English network as floats, for lstmtraining to continue from.

    dequantize.py INSTALLED.lstm FLOAT.lstm

Debian's tesseract-ocr-eng ships tesseract's "fast" model: each weight matrix is stored as
8-bit integers with one scale a row (``WeightMatrix::ConvertToInt``: a row's scale is its
largest weight over 127). ``lstmtraining --continue_from`` refuses such a model ("is an
integer (fast) model, cannot continue training"), and the float ("best") models are not in
any package registry. The integers times their scales are the weights the model reads with,
so the network is rewritten with them as floats (tesseract's float format: doubles), every
layer marked not training and the recogniser's int-mode flag cleared; what follows the network
(its name, training counters and rates) is kept. Tesseract's maintainers describe the same
conversion (tesseract-ocr/tesseract#3659).

Layouts read here follow tesseract 5's serialisation (src/lstm/network.cpp, plumbing.cpp,
lstm.cpp, fullyconnected.cpp, weightmatrix.cpp, lstmrecognizer.cpp): little-endian, as
the files are written on every platform tesseract ships for.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import numpy as np

PLUMBING = {"Parallel", "Replicated", "ParBidiLSTM", "DepParUDLSTM", "Par2dLSTM", "Series",
            "RTLReversed", "TTBReversed", "XYTranspose"}
FULLY_CONNECTED = {"Logistic", "LinLogistic", "LinTanh", "Tanh", "Relu", "Linear", "Softmax",
                   "SoftmaxNoCTC"}
LSTMS = {"LSTM", "SummLSTM", "LSTMSoftmax", "LSTMBinarySoftmax"}
SHAPE_ONLY = {"Input": 20, "Convolve": 8, "Maxpool": 8, "Reconfig": 8}  # bytes after the header
NF_LAYER_SPECIFIC_LR = 64
INT8_MODE, DOUBLE_MODE = 1, 128  # WeightMatrix mode flags
TF_INT_MODE = 1  # LSTMRecognizer training flag
GATES, GATE_FS = 5, 4  # an LSTM's weight matrices; the fifth is only in a 2-D LSTM


class Reader:
    def __init__(self, data: bytes) -> None:
        self.data, self.at = data, 0

    def take(self, size: int) -> bytes:
        if self.at + size > len(self.data):
            raise ValueError("the network ends early")
        chunk = self.data[self.at:self.at + size]
        self.at += size
        return chunk

    def unpack(self, fmt: str) -> tuple:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))


def weight_matrix(read: Reader, out: bytearray) -> int:
    """Copy one weight matrix as floats; returns its number of outputs (rows)."""
    (mode,) = read.unpack("B")
    if not mode & DOUBLE_MODE:
        raise ValueError("a weight matrix in the pre-4.0 format")
    if not mode & INT8_MODE:
        raise ValueError("already a float network")
    rows, columns = read.unpack("II")
    read.unpack("b")  # the array's "empty" value
    weights = np.frombuffer(read.take(rows * columns), dtype=np.int8).reshape(rows, columns)
    (count,) = read.unpack("I")  # scales, padded to the SIMD row count
    scales = np.frombuffer(read.take(8 * count), dtype="<f8")[:rows]
    out += struct.pack("<BIId", mode & ~INT8_MODE, rows, columns, 0.0)
    out += (weights.astype(np.float64) * scales[:, None]).astype("<f8").tobytes()
    return rows


def network(read: Reader, out: bytearray) -> None:
    """Copy one layer (and the layers inside it), its weights as floats."""
    (marker,) = read.unpack("b")
    if marker != 0:
        raise ValueError("a layer without its type name")
    (length,) = read.unpack("I")
    kind = read.take(length).decode("ascii")
    read.unpack("b")  # training state
    (backprop,) = read.unpack("b")
    flags, inputs, outputs, weights = read.unpack("iiii")
    (name_length,) = read.unpack("I")
    name = read.take(name_length)
    out += struct.pack("<bI", 0, length) + kind.encode("ascii")
    out += struct.pack("<bbiiiiI", 0, backprop, flags, inputs, outputs, weights, name_length)
    out += name
    if kind in PLUMBING:
        (size,) = read.unpack("I")
        out += struct.pack("<I", size)
        for _ in range(size):
            network(read, out)
        if flags & NF_LAYER_SPECIFIC_LR:
            (rates,) = read.unpack("I")
            out += struct.pack("<I", rates) + read.take(4 * rates)
    elif kind in SHAPE_ONLY:
        out += read.take(SHAPE_ONLY[kind])
    elif kind in FULLY_CONNECTED:
        weight_matrix(read, out)
    elif kind in LSTMS:
        (inner,) = read.unpack("i")
        out += struct.pack("<i", inner)
        softmax = {"LSTMSoftmax": outputs,
                   "LSTMBinarySoftmax": (outputs - 1).bit_length()}.get(kind, 0)
        two_d = False
        for gate in range(GATES):
            if gate == GATE_FS and not two_d:
                continue
            states = weight_matrix(read, out)
            if gate == 0:  # as LSTM::DeSerialize tells a 2-D LSTM
                two_d = inner - softmax == inputs + 2 * states
        if softmax:
            network(read, out)
    else:
        raise ValueError(f"a {kind} layer, which this converter does not know")


def dequantize(data: bytes) -> bytes:
    read, out = Reader(data), bytearray()
    network(read, out)
    (length,) = read.unpack("I")
    spec = read.take(length)
    flags, iteration, sample_iteration, null_char = read.unpack("iiii")
    out += struct.pack("<I", length) + spec
    out += struct.pack("<iiii", flags & ~TF_INT_MODE, iteration, sample_iteration, null_char)
    out += read.take(12)  # Adam beta, learning rate, momentum
    out += data[read.at:]  # charsets, if the file carries them
    return bytes(out)


def main() -> None:
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    target.write_bytes(dequantize(source.read_bytes()))
    print(f"{target}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
