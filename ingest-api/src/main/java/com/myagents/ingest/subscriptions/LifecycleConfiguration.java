package com.myagents.ingest.subscriptions;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the scheduled lifecycle work (the retention purge). */
@Configuration
@EnableScheduling
class LifecycleConfiguration {
}
