package io.aicosttracker.jobs.functions;

/** One priced event's cost counted against one budget (an event matching two budgets gives two). */
public class BudgetCharge {
  public String budgetId;
  public long timestamp;
  public double costUsd;
  public String eventId;

  public BudgetCharge() {}

  public BudgetCharge(String budgetId, long timestamp, double costUsd, String eventId) {
    this.budgetId = budgetId;
    this.timestamp = timestamp;
    this.costUsd = costUsd;
    this.eventId = eventId;
  }
}
