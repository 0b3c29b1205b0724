package jp.madoguchi.kiosk.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeeSplitTest {

    @Test
    void operatorKeeps115YenAndTheMunicipalityTheRest() {
        FeeSplit split = FeeSplit.of(Yen.of(300), FeeSplit.STANDARD_OPERATOR_SHARE);
        assertThat(split.operatorShare()).isEqualTo(Yen.of(115));
        assertThat(split.municipalityShare()).isEqualTo(Yen.of(185));
    }

    @Test
    void campaignFeeBelowTheOperatorsPartGoesWhollyToTheOperator() {
        FeeSplit split = FeeSplit.of(Yen.of(100), FeeSplit.STANDARD_OPERATOR_SHARE);
        assertThat(split.operatorShare()).isEqualTo(Yen.of(100));
        assertThat(split.municipalityShare()).isEqualTo(Yen.ZERO);
    }

    @Test
    void sharesThatDoNotAddUpAreRefused() {
        assertThatThrownBy(() -> new FeeSplit(Yen.of(200), Yen.of(100), Yen.of(115)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("add up");
    }

    @Test
    void negativeAmountsCannotExist() {
        assertThatThrownBy(() -> Yen.of(100).minus(Yen.of(200))).isInstanceOf(IllegalArgumentException.class);
    }
}
