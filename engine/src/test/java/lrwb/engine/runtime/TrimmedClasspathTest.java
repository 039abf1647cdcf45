package lrwb.engine.runtime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dependency diet of engine/pom.xml (issue #19) holds: what the engine uses is on the classpath, and what
 * deeplearning4j-core used to drag in (DataVec's image stack with JavaCV and ~60 MB of OpenCV/FFmpeg/... natives,
 * Intel MKL through nd4j-native-platform, fastutil) is not. Adding deeplearning4j-core back,
 * or a -platform artifact, fails here.
 */
class TrimmedClasspathTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/lrwb/engine/data/iris.dat", // IrisSource: the engine's own copy
            "/lrwb/engine/data/iris.NOTICE", // and its attribution (CC BY 4.0)
            "/org/deeplearning4j/util/ModelSerializer.class", // deeplearning4j-nn
            "/org/deeplearning4j/nn/modelimport/keras/KerasModel.class", // deeplearning4j-modelimport
            "/org/bytedeco/hdf5/global/hdf5.class", // HDF5's Java classes (its natives are per platform)
            "/org/nd4j/linalg/cpu/nativecpu/CpuBackend.class", // nd4j-native
            "/org/bytedeco/openblas/global/openblas.class"})
    void whatTheEngineUsesIsThere(String resource) {
        assertThat(getClass().getResource(resource)).as(resource).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/org/datavec/image/loader/NativeImageLoader.class", // datavec-data-image
            "/org/datavec/api/records/reader/RecordReader.class", // datavec-api
            "/org/bytedeco/javacv/Frame.class", // javacv
            "/org/bytedeco/opencv/global/opencv_core.class",
            "/org/bytedeco/ffmpeg/global/avcodec.class",
            "/org/bytedeco/leptonica/global/lept.class",
            "/org/bytedeco/mkl/global/mkl_rt.class", // MKL, from nd4j-native-platform
            "/org/deeplearning4j/datasets/fetchers/MnistDataFetcher.class", // deeplearning4j-datasets
            "/it/unimi/dsi/fastutil/doubles/DoubleArrayList.class",
            "/iris.dat", // deeplearning4j-core, kept for this file alone until the engine had its own copy
            "/org/deeplearning4j/core/listener/HardwareMetric.class",
            "/oshi/SystemInfo.class", // OSHI and JNA: DL4J's memory crash dump only, which the engine turns off
            "/com/sun/jna/Native.class",
            "/com/google/gson/Gson.class", // the Keras import's TF-op layers
            "/org/apache/commons/compress/archivers/ArchiveEntry.class", // nd4j's archive downloads
            "/org/apache/commons/codec/binary/Hex.class"})
    void whatNothingUsesIsGone(String resource) {
        assertThat(getClass().getResource(resource)).as(resource).isNull();
    }
}
