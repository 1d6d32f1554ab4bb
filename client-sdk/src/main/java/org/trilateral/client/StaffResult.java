package org.trilateral.client;

import java.util.List;

/**
 * The exchange's answer to a staff registration ({@link ExchangeClient#registerStaff}).
 *
 * @param registered  how many persona tokens the registration holds
 * @param employedElsewhere each of them that other employers registered too
 */
public record StaffResult(int registered, List<EmployedElsewhere> employedElsewhere) {

    public StaffResult {
        employedElsewhere = List.copyOf(employedElsewhere);
    }

    /**
     * One of the member's staff that other employers registered too (docs/screening.md, "Concurrent employment").
     *
     * @param index      the position of the person in the list given to {@link ExchangeClient#registerStaff}
     * @param employers  how many other employers registered them
     * @param named      the member ids of those of them whose registration lets this member know them
     */
    public record EmployedElsewhere(int index, int employers, List<String> named) {

        public EmployedElsewhere {
            named = List.copyOf(named);
        }
    }
}
