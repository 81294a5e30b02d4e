package com.myagents.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class StaticMemberEvictionTest {

    @Test
    void namesTheGroupInstanceOfADeadStreamThread() {
        StaticMemberEviction eviction = StaticMemberEviction.of("enforcement",
                StreamsDefaults.forApplication("myagents-enforcement", "localhost:1").staticMember("enforcement-7f").properties(),
                Map.of());

        assertThat(eviction).isNotNull();
        assertThat(eviction.memberOf("myagents-enforcement-4c1d-StreamThread-1")).isEqualTo("enforcement-7f-1");
        assertThat(eviction.memberOf("myagents-enforcement-4c1d-StreamThread-12")).isEqualTo("enforcement-7f-12");
    }

    @Test
    void leavesThreadsThatAreNotStreamThreadsAlone() {
        StaticMemberEviction eviction = StaticMemberEviction.of("enforcement",
                StreamsDefaults.forApplication("myagents-enforcement", "localhost:1").staticMember("enforcement-7f").properties(),
                Map.of());

        assertThat(eviction.memberOf("myagents-enforcement-4c1d-GlobalStreamThread")).isNull();
        assertThat(eviction.memberOf("main")).isNull();
        assertThat(eviction.memberOf("myagents-enforcement-StreamThread-")).isNull();
    }

    @Test
    void dynamicMembersNeedNoEviction() {
        assertThat(StaticMemberEviction.of("goal-runner",
                StreamsDefaults.forApplication("myagents-goal-runner", "localhost:1").properties(), Map.of())).isNull();
    }
}
