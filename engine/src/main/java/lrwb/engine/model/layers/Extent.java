package lrwb.engine.model.layers;

/**
 * What flows between two layers, per example: an image map (height × width × channels) or a vector (its
 * length in {@code channels}). Longs, so that a huge spec is measured before anything is allocated.
 */
record Extent(boolean map, long height, long width, long channels) {
    static Extent map(long height, long width, long channels) {
        return new Extent(true, height, width, channels);
    }

    static Extent vector(long length) {
        return new Extent(false, 1, 1, length);
    }

    long size() {
        return height * width * channels;
    }

    Extent flattened() {
        return vector(size());
    }

    @Override
    public String toString() {
        return map ? height + "×" + width + "×" + channels : Long.toString(channels);
    }
}
