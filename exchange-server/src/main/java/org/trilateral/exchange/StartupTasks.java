package org.trilateral.exchange;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link StartupTask} in a lifecycle phase just before the one that starts the web server, so no request
 * can arrive before the tasks are done (ApplicationRunners would run only after the server listens).
 */
@Component
class StartupTasks implements SmartLifecycle {

    private final ObjectProvider<StartupTask> tasks;
    private volatile boolean running;

    StartupTasks(ObjectProvider<StartupTask> tasks) {
        this.tasks = tasks;
    }

    @Override
    public void start() {
        tasks.orderedStream().forEach(StartupTask::run);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;
    }
}
