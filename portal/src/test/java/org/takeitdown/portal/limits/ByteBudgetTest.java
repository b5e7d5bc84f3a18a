package org.takeitdown.portal.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bytes held per key and in all, each under its bound, given back whole. */
class ByteBudgetTest {
    @Test
    void aKeyIsRefusedPastItsBoundWhileOthersStillFit() {
        ByteBudget budget = new ByteBudget(100, 40);
        assertThat(budget.take("a", 40)).isEqualTo(ByteBudget.Outcome.FITS);
        assertThat(budget.take("a", 1)).isEqualTo(ByteBudget.Outcome.OVER_KEY);
        assertThat(budget.take("b", 40)).isEqualTo(ByteBudget.Outcome.FITS);
        assertThat(budget.all()).isEqualTo(80);
    }

    @Test
    void everyoneTogetherIsRefusedPastTheBoundForAllAndNothingIsTakenByARefusal() {
        ByteBudget budget = new ByteBudget(100, 40);
        budget.take("a", 40);
        budget.take("b", 40);
        assertThat(budget.take("c", 21)).isEqualTo(ByteBudget.Outcome.OVER_ALL);
        assertThat(budget.take("c", 20)).isEqualTo(ByteBudget.Outcome.FITS);
        assertThat(budget.all()).isEqualTo(100);
    }

    @Test
    void releasedBytesFitAgainAndAKeyHoldingNothingLeavesTheTable() {
        ByteBudget budget = new ByteBudget(100, 40);
        budget.take("a", 30);
        budget.take("a", 10);
        budget.release("a", 40);
        assertThat(budget.keys()).isZero();
        assertThat(budget.all()).isZero();
        assertThat(budget.take("a", 40)).isEqualTo(ByteBudget.Outcome.FITS);
    }
}
