package org.salescrm.customer.pool;

/** How many customers a bulk transfer moved. */
public record BulkTransferResult(int transferred) {
}
