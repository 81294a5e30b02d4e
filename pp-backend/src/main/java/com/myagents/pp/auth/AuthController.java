package com.myagents.pp.auth;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.http.door.DoorTokens;
import com.myagents.http.door.SignInController;
import com.myagents.pp.operators.Operator;

/** Operators sign in at PP: the answer names the operator and their roles. */
@RestController
@RequestMapping("/api/pp/auth")
public class AuthController extends SignInController<Operator, OperatorView> {

    public AuthController(OperatorLogin login, DoorTokens tokens) {
        super(login, tokens, OperatorView::of, LoginResponse::new);
    }
}
