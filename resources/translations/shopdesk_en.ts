<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en">
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
    <name>GoalsGrid</name>
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
    <name>KpiTab</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation><numerusform>%n day</numerusform><numerusform>%n days</numerusform></translation>
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
    <name>PreviewPage</name>
    <message numerus="yes">
        <source>Import %n file(s)</source>
        <translation><numerusform>Import %n file</numerusform><numerusform>Import %n files</numerusform></translation>
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
    <name>RecordTable</name>
    <message numerus="yes">
        <source>Nothing was pasted: %n cell(s) could not be used (%1).</source>
        <translation><numerusform>Nothing was pasted: %n cell could not be used (%1).</numerusform><numerusform>Nothing was pasted: %n cells could not be used (%1).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation><numerusform>%n row</numerusform><numerusform>%n rows</numerusform></translation>
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
    <name>StockCountDialog</name>
    <message numerus="yes">
        <source>Nothing was filled in: %n line(s) cannot be used. Correct them and paste again.</source>
        <translation><numerusform>Nothing was filled in: %n line cannot be used. Correct them and paste again.</numerusform><numerusform>Nothing was filled in: %n lines cannot be used. Correct them and paste again.</numerusform></translation>
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