package lrwb.bench;

import lrwb.engine.data.LoadedData;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of one training update and nothing else: the matrix products an MLP step needs (forward
 * X·W per layer; backward Aᵀ·D for every weight gradient and D·Wᵀ for every layer but the first), as plain
 * ND4J gemm calls into preallocated arrays. Its time is what the update would cost with zero overhead.
 */
final class MmulLoop {
    private final List<INDArray[]> products = new ArrayList<>(); // {a, b, c, transA, transB}
    private final double flopsPerUpdate;

    MmulLoop(BenchCase c, LoadedData data) {
        List<Integer> widths = new ArrayList<>();
        widths.add(data.numFeatures());
        // The dense widths of the case's mlp (the gemm loop is defined for MLPs only).
        for (var layer : ((lrwb.engine.model.LayersModel) c.model()).layers().layers()) {
            widths.add(((lrwb.engine.model.layers.LayerSpec.Dense) layer).units());
        }
        widths.add(data.numClasses());
        int b = c.batchSize();
        double flops = 0;
        for (int i = 0; i + 1 < widths.size(); i++) {
            int in = widths.get(i);
            int out = widths.get(i + 1);
            INDArray a = Nd4j.rand(DataType.FLOAT, b, in);
            INDArray w = Nd4j.rand(DataType.FLOAT, in, out);
            INDArray d = Nd4j.rand(DataType.FLOAT, b, out);
            add(a, w, Nd4j.create(DataType.FLOAT, b, out), false, false);            // forward
            add(a, d, Nd4j.create(DataType.FLOAT, in, out), true, false);            // weight gradient
            flops += 2.0 * 2 * b * in * out;
            if (i > 0) {
                add(d, w, Nd4j.create(DataType.FLOAT, b, in), false, true);          // gradient to the layer below
                flops += 2.0 * b * in * out;
            }
        }
        flopsPerUpdate = flops;
    }

    private void add(INDArray a, INDArray b, INDArray c, boolean transA, boolean transB) {
        products.add(new INDArray[] {a, b, c, transA ? a : null, transB ? b : null});
    }

    double flopsPerUpdate() {
        return flopsPerUpdate;
    }

    /** Seconds per update's worth of products. */
    Sample block(int iterations) {
        Bench.sameNativeSettingsAsOurJobs();
        Sample.Stopwatch clock = Sample.start();
        for (int i = 0; i < iterations; i++) {
            for (INDArray[] p : products) {
                Nd4j.gemm(p[0], p[1], p[2], p[3] != null, p[4] != null, 1.0, 0.0);
            }
        }
        return clock.stop(iterations);
    }
}
