package com.myagents.enforcement;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

import com.myagents.http.app.StatelessServiceApplication;
import com.myagents.http.problem.ProblemErrorsConfiguration;
import com.myagents.streams.StreamsApplication;

/** The enforcement stream application: no database, and Kafka clients of its own (streams-support). */
@StatelessServiceApplication
@Import(ProblemErrorsConfiguration.class)
public class EnforcementApplication {

    public static final String NAME = "enforcement-streams";

    public static SpringApplicationBuilder builder() {
        return StreamsApplication.builder(EnforcementApplication.class, NAME);
    }

    public static void main(String[] args) {
        builder().run(args);
    }
}
