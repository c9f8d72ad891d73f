package dev.flowbench.runner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OwnerTest {

    @Test
    void theCurrentProcessIsNotGone() {
        assertThat(Owner.current().pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(Owner.current().isGone()).isFalse();
    }

    @Test
    void aProcessThatEndedIsGone() throws Exception {
        assertThat(LeftoversTest.endedOwner().isGone()).isTrue();
    }

    @Test
    void aProcessGivenTheOwnersPidLaterIsNotTheOwner() {
        Owner current = Owner.current();
        assertThat(new Owner(current.host(), current.pid(), "12345").isGone()).isTrue();
    }

    @Test
    void anOwnerWhoseStartIsUnknownCountsAsAliveWhileItsPidIs() {
        Owner current = Owner.current();
        assertThat(new Owner(current.host(), current.pid(), null).isGone()).isFalse();
    }

    @Test
    void anOwnerOnAnotherMachineIsNeverKnownToBeGone() throws Exception {
        Owner ended = LeftoversTest.endedOwner();
        assertThat(new Owner(ended.host() + ".elsewhere", ended.pid(), ended.started()).isGone())
                .isFalse();
    }

    @Test
    void labelsNameTheOwnerAndReadBack() {
        Owner current = Owner.current();
        assertThat(current.labels())
                .containsEntry("flowbench.dev/owner-host", current.host())
                .containsEntry("flowbench.dev/owner-pid", Long.toString(current.pid()));
        assertThat(Owner.fromLabels(current.labels())).contains(current);
    }

    @Test
    void labelsWithoutAnOwnerOrWithAGarbledPidNameNone() {
        Map<String, String> labels = new HashMap<>(Owner.current().labels());
        assertThat(Owner.fromLabels(Map.of("flowbench.dev/execution", "e"))).isEmpty();
        assertThat(Owner.fromLabels(null)).isEmpty();
        labels.put("flowbench.dev/owner-pid", "twelve");
        assertThat(Owner.fromLabels(labels)).isEmpty();
    }
}
