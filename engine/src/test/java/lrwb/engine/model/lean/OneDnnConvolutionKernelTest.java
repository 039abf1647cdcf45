package lrwb.engine.model.lean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Which oneDNN kernels a convolution runs: fixed by its shape, so a network computes the same numbers every run. */
class OneDnnConvolutionKernelTest {
    private static OneDnnConvolution.Geometry sameConvolution(long inChannels, long outChannels, int size, int kernel) {
        int pad = kernel / 2;
        return new OneDnnConvolution.Geometry(64, inChannels, size, size, outChannels, size, size, new int[] {kernel, kernel},
                new int[] {1, 1}, new int[] {pad, pad, pad, pad}, true, true);
    }

    @Test
    void fewInputChannelsRunTheDirectKernelAndManyOneDnnsFirstChoice() {
        assumeTrue(OneDnn.available(), "oneDNN is not available here");
        try (OneDnnConvolution cnnFirst = new OneDnnConvolution(sameConvolution(1, 8, 28, 5));
             OneDnnConvolution cnnSecond = new OneDnnConvolution(sameConvolution(8, 16, 14, 5));
             OneDnnConvolution again = new OneDnnConvolution(sameConvolution(1, 8, 28, 5));
             OneDnnConvolution wide = new OneDnnConvolution(sameConvolution(32, 64, 16, 3))) {
            for (boolean relu : new boolean[] {false, true}) {
                assertThat(cnnFirst.forwardKernel(relu)).as("1 -> 8, relu %s", relu).doesNotStartWith("brgconv");
                assertThat(cnnSecond.forwardKernel(relu)).as("8 -> 16, relu %s", relu).doesNotStartWith("brgconv");
                assertThat(cnnFirst.forwardKernel(relu)).isEqualTo(again.forwardKernel(relu));
            }
            if (wide.forwardKernel(false).startsWith("brgconv")) { // an AVX-512 machine: the rule chose for the few
                assertThat(cnnFirst.forwardKernel(true)).startsWith("jit:avx512");
                assertThat(cnnSecond.forwardKernel(false)).startsWith("jit:avx512");
            }
        }
    }
}
