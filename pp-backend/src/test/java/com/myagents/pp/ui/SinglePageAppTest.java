package com.myagents.pp.ui;

import com.myagents.pp.RunningPpBackend;
import com.myagents.testsupport.Http;
import com.myagents.testsupport.SinglePageAppContract;

/** pp-backend serves its packed app as every door does. */
class SinglePageAppTest extends SinglePageAppContract {

    @Override
    protected Http door() {
        return RunningPpBackend.HTTP;
    }

    @Override
    protected String name() {
        return "pp";
    }
}
