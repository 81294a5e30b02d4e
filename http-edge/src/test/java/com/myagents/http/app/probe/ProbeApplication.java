package com.myagents.http.app.probe;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.myagents.http.app.StatelessServiceApplication;

/** A service as small as can be, to show what {@link StatelessServiceApplication} gives one. */
@StatelessServiceApplication
public class ProbeApplication {

    /** Found by the scan, bound at start. */
    @ConfigurationProperties("probe")
    public record ProbeProperties(String greeting) {
    }
}
