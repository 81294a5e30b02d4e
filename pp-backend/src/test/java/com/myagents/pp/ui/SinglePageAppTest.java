package com.myagents.pp.ui;

import com.myagents.pp.RunningPpBackend;
import com.myagents.testsupport.SinglePageAppContract;

/** pp-backend serves its packed app as every door does. */
class SinglePageAppTest extends SinglePageAppContract {

    SinglePageAppTest() {
        super(RunningPpBackend.HTTP, "pp");
    }
}
