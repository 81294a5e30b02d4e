package com.myagents.cp.auth;

import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.myagents.cp.customers.Customer;
import com.myagents.http.door.DoorTokens;
import com.myagents.http.door.SignInController;

/** Customers sign in at CP: the answer names the customer. */
@RestController
@RequestMapping("/api/cp/auth")
public class AuthController extends SignInController<Customer, CustomerView> {

    public AuthController(CustomerLogin login, DoorTokens tokens) {
        super(login, tokens, CustomerView::of, LoginResponse::new);
    }
}
