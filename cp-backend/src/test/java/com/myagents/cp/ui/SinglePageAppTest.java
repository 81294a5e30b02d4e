package com.myagents.cp.ui;

import com.myagents.cp.RunningCpBackend;
import com.myagents.testsupport.Http;
import com.myagents.testsupport.SinglePageAppContract;

/** cp-backend serves its packed app as every door does. */
class SinglePageAppTest extends SinglePageAppContract {

    @Override
    protected Http door() {
        return RunningCpBackend.HTTP;
    }

    @Override
    protected String name() {
        return "cp";
    }
}
