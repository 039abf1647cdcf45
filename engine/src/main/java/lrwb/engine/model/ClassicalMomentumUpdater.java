package lrwb.engine.model;

import lrwb.engine.model.lean.ValuesUpdater;
import lrwb.engine.runtime.HostCopy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.learning.GradientUpdater;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;

/**
 * The arithmetic of {@link ClassicalMomentum} for one block of parameters. DL4J hands us the gradient and
 * then does {@code params -= result}, so with {@code v = m·v − lr·g} we return {@code −v} to get
 * {@code w = w + v}. The velocity is kept with Keras' sign, so it reads the same as in a Keras notebook.
 */
public final class ClassicalMomentumUpdater implements GradientUpdater<ClassicalMomentum>, ValuesUpdater {
    /** Key of the velocity in {@link #getState()}. */
    public static final String VELOCITY = "V";

    private final ClassicalMomentum config;
    /** A view into DL4J's updater state array, never a copy: snapshots of that array must capture it. */
    private INDArray velocity;
    /** The velocity's and the gradient's values while {@link #updateValues} works on them, kept from update to update. */
    private float[] velocityValues = new float[0];
    private float[] gradientValues = new float[0];

    public ClassicalMomentumUpdater(ClassicalMomentum config) {
        this.config = config;
    }

    @Override
    public ClassicalMomentum getConfig() {
        return config;
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        if (!viewArray.isRowVectorOrScalar()) {
            throw new IllegalArgumentException("expected a row vector as updater state view, got shape "
                    + Arrays.toString(viewArray.shape()));
        }
        if (initialize) {
            viewArray.assign(0);
        }
        // Same shape and order as the gradients we will get, still sharing memory with the view.
        velocity = Shape.newShapeNoCopy(viewArray, gradientShape, gradientOrder == 'f');
        if (velocity == null) {
            throw new IllegalStateException("could not reshape the updater state view without copying it");
        }
    }

    @Override
    public void setState(Map<String, INDArray> state, boolean initialize) {
        if (state.size() != 1 || !state.containsKey(VELOCITY)) {
            throw new IllegalArgumentException("expected exactly the state key " + VELOCITY + ", got " + state.keySet());
        }
        velocity = state.get(VELOCITY);
        if (initialize) {
            velocity.assign(0);
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        return Collections.singletonMap(VELOCITY, velocity);
    }

    @Override
    public void applyUpdater(INDArray gradient, int iteration, int epoch) {
        if (velocity == null) {
            throw new IllegalStateException("updater has no state yet: call setStateViewArray first");
        }
        if (gradient.dataType() == DataType.FLOAT && gradient.isVector() && updatesValues(gradient.length())) {
            // The same three roundings in Java: four native operations and a temporary cost more than the arithmetic
            float[] values = gradientValues = HostCopy.values(gradient,
                    gradientValues.length == gradient.length() ? gradientValues : new float[(int) gradient.length()]);
            updateValues(values, iteration, epoch);
            HostCopy.write(values, gradient);
            return;
        }
        double lr = config.getLearningRate(iteration, epoch);
        velocity.muli(config.momentumAt(iteration, epoch)).subi(gradient.mul(lr));
        gradient.assign(velocity).negi();
    }

    @Override
    public boolean updatesValues(long length) {
        return velocity != null && velocity.dataType() == DataType.FLOAT && velocity.length() == length
                && velocity.isVector();
    }

    /** As {@link #applyUpdater}: each of its three native operations rounds to float, so each product here does. */
    @Override
    public void updateValues(float[] g, int iteration, int epoch) {
        float lr = (float) config.getLearningRate(iteration, epoch);
        float m = (float) config.momentumAt(iteration, epoch);
        float[] v = velocityValues = HostCopy.values(velocity,
                velocityValues.length == g.length ? velocityValues : new float[g.length]);
        for (int k = 0; k < g.length; k++) {
            float decayed = v[k] * m;
            float step = g[k] * lr;
            v[k] = decayed - step;
            g[k] = -v[k];
        }
        HostCopy.write(v, velocity);
    }
}
