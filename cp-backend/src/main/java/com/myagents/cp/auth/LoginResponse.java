package com.myagents.cp.auth;

public record LoginResponse(String accessToken, String tokenType, long expiresIn, CustomerView customer) {
}
