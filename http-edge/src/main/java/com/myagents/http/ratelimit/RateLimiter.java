package com.myagents.http.ratelimit;

/** Takes one request's token from a principal's bucket, or says how long until there is one. */
public interface RateLimiter {

    RateDecision acquire(String key);
}
