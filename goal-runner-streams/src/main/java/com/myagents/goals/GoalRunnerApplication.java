package com.myagents.goals;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

import com.myagents.http.app.StatelessServiceApplication;
import com.myagents.http.problem.ProblemErrorsConfiguration;
import com.myagents.streams.StreamsApplication;

/**
 * The goal-runner stream application: schedules due goals into goal triggers and turns triggers
 * into deliverable drafts. No database, and Kafka clients of its own (streams-support).
 */
@StatelessServiceApplication
@Import(ProblemErrorsConfiguration.class)
public class GoalRunnerApplication {

    public static final String NAME = "goal-runner-streams";

    public static SpringApplicationBuilder builder() {
        return StreamsApplication.builder(GoalRunnerApplication.class, NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
