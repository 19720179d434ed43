<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
<context>
    <name>ClearanceDialog</name>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation><numerusform>%n SKU</numerusform><numerusform>%n SKUs</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation><numerusform>%n unit</numerusform><numerusform>%n units</numerusform></translation>
    </message>
</context>
<context>
    <name>ColumnMappingPage</name>
    <message numerus="yes">
        <source>ShopDesk filled in %n column(s) from their names (tinted blue). Check them; each one can be changed.</source>
        <translation><numerusform>ShopDesk filled in %n column from their names (tinted blue). Check them; each one can be changed.</numerusform><numerusform>ShopDesk filled in %n columns from their names (tinted blue). Check them; each one can be changed.</numerusform></translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message numerus="yes">
        <source>%n SKU(s) sold without a unit cost</source>
        <translation><numerusform>%n SKU sold without a unit cost</numerusform><numerusform>%n SKUs sold without a unit cost</numerusform></translation>
    </message>
</context>
<context>
    <name>DeliveriesView</name>
    <message numerus="yes">
        <source>%n (delivery|deliveries)</source>
        <translation><numerusform>%n delivery</numerusform><numerusform>%n deliveries</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation><numerusform>%n unit</numerusform><numerusform>%n units</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Close %n (delivery|deliveries) as short-delivered</source>
        <translation><numerusform>Close %n delivery as short-delivered</numerusform><numerusform>Close %n deliveries as short-delivered</numerusform></translation>
    </message>
</context>
<context>
    <name>EffectDialog</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Days before: %1, the same %n day(s) right before it, same channels and scope.</source>
        <translation><numerusform>Days before: %1, the same %n day right before it, same channels and scope.</numerusform><numerusform>Days before: %1, the same %n days right before it, same channels and scope.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>ROI unknown: %n SKU(s) sold without a unit cost. Enter their costs in Inventory (Edit SKU…) to measure it.</source>
        <translation><numerusform>ROI unknown: %n SKU sold without a unit cost. Enter their costs in Inventory (Edit SKU…) to measure it.</numerusform><numerusform>ROI unknown: %n SKUs sold without a unit cost. Enter their costs in Inventory (Edit SKU…) to measure it.</numerusform></translation>
    </message>
</context>
<context>
    <name>ExportButton</name>
    <message numerus="yes">
        <source>%n row(s) exported to %1</source>
        <translation><numerusform>%n row exported to %1</numerusform><numerusform>%n rows exported to %1</numerusform></translation>
    </message>
</context>
<context>
    <name>FilePreview</name>
    <message numerus="yes">
        <source>%n row(s) in the file</source>
        <translation><numerusform>%n row in the file</numerusform><numerusform>%n rows in the file</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors will be skipped</source>
        <translation><numerusform>%n row with errors will be skipped</numerusform><numerusform>%n rows with errors will be skipped</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation><numerusform>%n more</numerusform><numerusform>%n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with warnings</source>
        <translation><numerusform>%n row with warnings</numerusform><numerusform>%n rows with warnings</numerusform></translation>
    </message>
</context>
<context>
    <name>FilesPage</name>
    <message numerus="yes">
        <source>%1 · %n row(s) with errors</source>
        <translation><numerusform>%1 · %n row with errors</numerusform><numerusform>%1 · %n rows with errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n warning(s)</source>
        <translation><numerusform>%1 · %n warning</numerusform><numerusform>%1 · %n warnings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) cannot be imported and will be left out:</source>
        <translation><numerusform>%n file cannot be imported and will be left out:</numerusform><numerusform>%n files cannot be imported and will be left out:</numerusform></translation>
    </message>
</context>
<context>
    <name>GanttView</name>
    <message numerus="yes">
        <source>%n task(s) (waits|wait) for “%1”. Move (it|them) by the same number of days?</source>
        <translation><numerusform>%n task waits for “%1”. Move it by the same number of days?</numerusform><numerusform>%n tasks wait for “%1”. Move them by the same number of days?</numerusform></translation>
    </message>
</context>
<context>
    <name>GoalsGrid</name>
    <message numerus="yes">
        <source>In %n month(s) these columns no longer add up to the month's goal (%1). The Tracking view and the funnel use the month's goal.</source>
        <translation><numerusform>In %n month these columns no longer add up to the month's goal (%1). The Tracking view and the funnel use the month's goal.</numerusform><numerusform>In %n months these columns no longer add up to the month's goal (%1). The Tracking view and the funnel use the month's goal.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The pasted block has %1 rows, but only %n month(s) (follows|follow) from %2. Nothing was changed.</source>
        <translation><numerusform>The pasted block has %1 rows, but only %n month follows from %2. Nothing was changed.</numerusform><numerusform>The pasted block has %1 rows, but only %n months follow from %2. Nothing was changed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The pasted block has %1 columns, but only %n column(s) (follows|follow). Nothing was changed.</source>
        <translation><numerusform>The pasted block has %1 columns, but only %n column follows. Nothing was changed.</numerusform><numerusform>The pasted block has %1 columns, but only %n columns follow. Nothing was changed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was pasted: %n cell(s) could not be used (%1).</source>
        <translation><numerusform>Nothing was pasted: %n cell could not be used (%1).</numerusform><numerusform>Nothing was pasted: %n cells could not be used (%1).</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
</context>
<context>
    <name>InventoryTab</name>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation><numerusform>%n SKU</numerusform><numerusform>%n SKUs</numerusform></translation>
    </message>
</context>
<context>
    <name>KpiTab</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n paid order(s)</source>
        <translation><numerusform>%n paid order</numerusform><numerusform>%n paid orders</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n order(s)</source>
        <translation><numerusform>%n order</numerusform><numerusform>%n orders</numerusform></translation>
    </message>
</context>
<context>
    <name>MembersTab</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n customer(s)</source>
        <translation><numerusform>%n customer</numerusform><numerusform>%n customers</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n (has|have) not bought</source>
        <translation><numerusform>%n has not bought</numerusform><numerusform>%n have not bought</numerusform></translation>
    </message>
</context>
<context>
    <name>MonthCalendar</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation><numerusform>+%n more</numerusform><numerusform>+%n more</numerusform></translation>
    </message>
</context>
<context>
    <name>PlanWizard</name>
    <message numerus="yes">
        <source>%1 has %n goal(s) already (the period, its months and their channel and category goals). Replace (it|them) with this plan? (It goes|They go) to the trash; Ctrl+Z brings (it|them) back.</source>
        <translation><numerusform>%1 has %n goal already (the period, its months and their channel and category goals). Replace it with this plan? It goes to the trash; Ctrl+Z brings it back.</numerusform><numerusform>%1 has %n goals already (the period, its months and their channel and category goals). Replace them with this plan? They go to the trash; Ctrl+Z brings them back.</numerusform></translation>
    </message>
</context>
<context>
    <name>PointsPanel</name>
    <message numerus="yes">
        <source>✗ %n (customer's|customers') points differ from the ledger: %1. Recompute tiers and points sets each balance to its ledger.</source>
        <translation><numerusform>✗ %n customer's points differ from the ledger: %1. Recompute tiers and points sets each balance to its ledger.</numerusform><numerusform>✗ %n customers' points differ from the ledger: %1. Recompute tiers and points sets each balance to its ledger.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Points of %1: %2 (%n ledger line(s))</source>
        <translation><numerusform>Points of %1: %2 (%n ledger line)</numerusform><numerusform>Points of %1: %2 (%n ledger lines)</numerusform></translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message numerus="yes">
        <source>Import %n file(s)</source>
        <translation><numerusform>Import %n file</numerusform><numerusform>Import %n files</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 in %n month(s).</source>
        <translation><numerusform>%1: %2 in %n month.</numerusform><numerusform>%1: %2 in %n months.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Saving replaces the %n (goal|goals) already set within this period (Ctrl+Z brings (it|them) back).</source>
        <translation><numerusform>Saving replaces the %n goal already set within this period (Ctrl+Z brings it back).</numerusform><numerusform>Saving replaces the %n goals already set within this period (Ctrl+Z brings them back).</numerusform></translation>
    </message>
</context>
<context>
    <name>PromotionsTab</name>
    <message numerus="yes">
        <source>%n SKU(s) sold without a unit cost</source>
        <translation><numerusform>%n SKU sold without a unit cost</numerusform><numerusform>%n SKUs sold without a unit cost</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Next: %1 starts %2 (in %n day(s)).</source>
        <translation><numerusform>Next: %1 starts %2 (in %n day).</numerusform><numerusform>Next: %1 starts %2 (in %n days).</numerusform></translation>
    </message>
</context>
<context>
    <name>PurchaseListView</name>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation><numerusform>%n SKU</numerusform><numerusform>%n SKUs</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n supplier(s)</source>
        <translation><numerusform>%n supplier</numerusform><numerusform>%n suppliers</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation><numerusform>%n unit</numerusform><numerusform>%n units</numerusform></translation>
    </message>
</context>
<context>
    <name>RecordTable</name>
    <message numerus="yes">
        <source>The pasted block has %1 rows, but only %n row(s) (is|are) shown from the selected cell down. Nothing was changed.</source>
        <translation><numerusform>The pasted block has %1 rows, but only %n row is shown from the selected cell down. Nothing was changed.</numerusform><numerusform>The pasted block has %1 rows, but only %n rows are shown from the selected cell down. Nothing was changed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The pasted block has %1 columns, but only %n column(s) (is|are) shown from the selected cell to the right. Nothing was changed.</source>
        <translation><numerusform>The pasted block has %1 columns, but only %n column is shown from the selected cell to the right. Nothing was changed.</numerusform><numerusform>The pasted block has %1 columns, but only %n columns are shown from the selected cell to the right. Nothing was changed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was pasted: %n cell(s) could not be used (%1).</source>
        <translation><numerusform>Nothing was pasted: %n cell could not be used (%1).</numerusform><numerusform>Nothing was pasted: %n cells could not be used (%1).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation><numerusform>%n row</numerusform><numerusform>%n rows</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n row(s)</source>
        <translation><numerusform>%1 of %n row</numerusform><numerusform>%1 of %n rows</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportPage</name>
    <message numerus="yes">
        <source>%n file(s) imported: </source>
        <translation><numerusform>%n file imported: </numerusform><numerusform>%n files imported: </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) skipped</source>
        <translation><numerusform>%n row skipped</numerusform><numerusform>%n rows skipped</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Matched to a SKU by its title: %n order line(s) without a SKU code, whose sales now count for it.</source>
        <translation><numerusform>Matched to a SKU by its title: %n order line without a SKU code, whose sales now count for it.</numerusform><numerusform>Matched to a SKU by its title: %n order lines without a SKU code, whose sales now count for it.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n order line(s) added</source>
        <translation><numerusform>%n order line added</numerusform><numerusform>%n order lines added</numerusform></translation>
    </message>
</context>
<context>
    <name>SopDialog</name>
    <message numerus="yes">
        <source>Creates %n task(s) for %1 (T = %2), from %3 to %4.</source>
        <translation><numerusform>Creates %n task for %1 (T = %2), from %3 to %4.</numerusform><numerusform>Creates %n tasks for %1 (T = %2), from %3 to %4.</numerusform></translation>
    </message>
</context>
<context>
    <name>StockCountDialog</name>
    <message numerus="yes">
        <source>Nothing was filled in: %n line(s) cannot be used. Correct them and paste again.</source>
        <translation><numerusform>Nothing was filled in: %n line cannot be used. Correct them and paste again.</numerusform><numerusform>Nothing was filled in: %n lines cannot be used. Correct them and paste again.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n SKU(s)</source>
        <translation><numerusform>%n SKU</numerusform><numerusform>%n SKUs</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n (differs|differ)</source>
        <translation><numerusform>%n differs</numerusform><numerusform>%n differ</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unit(s)</source>
        <translation><numerusform>%n unit</numerusform><numerusform>%n units</numerusform></translation>
    </message>
</context>
<context>
    <name>TeamTab</name>
    <message numerus="yes">
        <source>%n open task(s), %1 overdue.</source>
        <translation><numerusform>%n open task, %1 overdue.</numerusform><numerusform>%n open tasks, %1 overdue.</numerusform></translation>
    </message>
</context>
<context>
    <name>WeekCalendar</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation><numerusform>+%n more</numerusform><numerusform>+%n more</numerusform></translation>
    </message>
</context>
<context>
    <name>YearTimeline</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation><numerusform>+%n more</numerusform><numerusform>+%n more</numerusform></translation>
    </message>
</context>
</TS>