package com.myagents.http.door;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code myagents.demo-data}: true in the embedded default, which seeds demo customers and operators. */
@ConfigurationProperties("myagents")
public record DemoDataProperties(boolean demoData) {
}
