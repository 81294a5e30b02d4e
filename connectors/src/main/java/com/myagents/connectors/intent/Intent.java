package com.myagents.connectors.intent;

/** What an allowed command asks for, read from its approved payload: the only things a connector does. */
public sealed interface Intent permits PlaceOrder, ClosePosition, SocialPost {

    Target target();
}
