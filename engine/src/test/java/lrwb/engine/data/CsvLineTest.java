package lrwb.engine.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvLineTest {

    @Test
    void splitsOnCommasAndTrimsCells() {
        assertThat(CsvLine.cells(" 1, 2 ,x ,", "f line 1")).containsExactly("1", "2", "x", "");
    }

    @Test
    void quotedCellsMayHoldCommasAndQuotes() {
        assertThat(CsvLine.cells("\"a,b\", \"say \"\"hi\"\"\",c", "f line 1")).containsExactly("a,b", "say \"hi\"", "c");
    }

    @Test
    void numbersAreFiniteDecimalsOnly() {
        assertThat(CsvLine.number("-1.5e3")).isEqualTo(-1500.0);
        assertThat(CsvLine.number("+.5")).isEqualTo(0.5);
        assertThat(CsvLine.number("NaN")).isNull();
        assertThat(CsvLine.number("Infinity")).isNull();
        assertThat(CsvLine.number("1e999")).isNull();
        assertThat(CsvLine.number("0x10")).isNull();
        assertThat(CsvLine.number("2f")).isNull();
        assertThat(CsvLine.number("")).isNull();
        assertThat(CsvLine.number("-")).isNull();
    }
}
