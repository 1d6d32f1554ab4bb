package org.trilateral.exchange.database;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Refuses to start the exchange on an embedded data directory that another running exchange owns, before the
 * application context exists, so that the operator sees one line and nothing else. The embedded server's start takes
 * the directory for real ({@link DataDirectoryLock#acquire}); this only makes the common mistake (starting the
 * exchange twice) fail first. The exchange's {@code main} registers it on its own application only: other
 * applications on the same configuration, such as the backup command, which reads from a running exchange's server,
 * are not concerned.
 */
public class DataDirectoryInUseCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        DatabaseProperties database = Binder.get(event.getEnvironment()).bindOrCreate("exchange.database",
                DatabaseProperties.class);
        if (database.useEmbedded()) {
            DataDirectoryLock.requireFree(database.embedded().dataDirectory().toAbsolutePath().normalize());
        }
    }
}
