package com.myagents.pp.auth;

public record LoginResponse(String accessToken, String tokenType, long expiresIn, OperatorView operator) {
}
