package lrwb.engine.inspect;

import lrwb.engine.model.Network;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * What a network on 2-D data predicts over the plane: the class probabilities at the centre of every cell of a
 * {@code size x size} grid over {@code extent}, all cells in one batch.
 *
 * @param probabilities row-major {@code [row][column][class]}, row 0 at the top (largest y); the record's own
 */
public record DecisionBoundary(PlaneExtent extent, int size, int numClasses, float[] probabilities) {
    /** Cells per side by default: 40,000 points, a few milliseconds through a small MLP. */
    public static final int DEFAULT_SIZE = 200;

    public DecisionBoundary {
        if (size < 1 || numClasses < 2 || probabilities.length != size * size * numClasses) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + size + "x" + size
                    + " cells of " + numClasses + " classes");
        }
    }

    /**
     * @param network a network reading 2 features
     * @throws InspectException if it does not read 2 features
     */
    public static DecisionBoundary of(Network network, PlaneExtent extent, int size) {
        INDArray points = gridPoints(extent, size);
        INDArray out;
        try {
            out = network.output(points);
        } catch (RuntimeException e) {
            throw new InspectException("the decision boundary needs a network reading 2 input features ("
                    + e.getMessage() + ")");
        }
        int classes = (int) out.size(1);
        return new DecisionBoundary(extent, size, classes, out.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT)
                .dup('c').data().asFloat());
    }

    /** The cells' centres, row by row from the top: {@code [size * size, 2]}. */
    static INDArray gridPoints(PlaneExtent extent, int size) {
        float[] xy = new float[size * size * 2];
        for (int r = 0; r < size; r++) {
            float y = (float) extent.y(r, size);
            for (int c = 0; c < size; c++) {
                int i = (r * size + c) * 2;
                xy[i] = (float) extent.x(c, size);
                xy[i + 1] = y;
            }
        }
        return Nd4j.create(xy, new long[] {(long) size * size, 2}, 'c');
    }

    public float probability(int row, int column, int c) {
        return probabilities[(row * size + column) * numClasses + c];
    }

    /** The most probable class of a cell. */
    public int predictedClass(int row, int column) {
        int best = 0;
        for (int c = 1; c < numClasses; c++) {
            if (probability(row, column, c) > probability(row, column, best)) {
                best = c;
            }
        }
        return best;
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }
}
