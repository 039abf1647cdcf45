package lrwb.engine.inspect;

import org.junit.jupiter.api.Test;

import java.util.function.ToIntFunction;

import static org.assertj.core.api.Assertions.assertThat;

/** The misclassified grid's captions: one line when they fit, else two, never a class name cut while room is left. */
class InspectPicturesTest {
    /** Six pixels a character: widths that are easy to count. */
    private static final ToIntFunction<String> SIX_PX = s -> 6 * s.length();

    @Test
    void aCaptionThatFitsStaysOnOneLine() {
        assertThat(InspectPictures.wrap("Bag → Coat", SIX_PX, 96)).containsExactly("Bag → Coat");
    }

    @Test
    void aLongCaptionBreaksAfterTheArrow() {
        assertThat(InspectPictures.wrap("T-shirt/top → Ankle boot", SIX_PX, 96)).containsExactly("T-shirt/top →", "Ankle boot");
        assertThat(InspectPictures.wrap("Sneaker → Ankle boot", SIX_PX, 96)).containsExactly("Sneaker →", "Ankle boot");
    }

    @Test
    void withoutRoomForTheTrueClassItBreaksAtASpaceAndCutsWhatIsLeft() {
        // 16 characters fit 96 px
        assertThat(InspectPictures.wrap("a very long true class → x", SIX_PX, 96)).containsExactly("a very long true", "class → x");
        assertThat(InspectPictures.wrap("averyveryverylongname → shirt", SIX_PX, 96)).containsExactly("averyveryverylo…");
    }
}
