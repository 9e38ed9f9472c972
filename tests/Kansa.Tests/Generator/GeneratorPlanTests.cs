using Kansa.Generator;

namespace Kansa.Tests.Generator;

/// <summary>How findings are spread over audits: exactly the number asked for, within what the importer accepts.</summary>
public class GeneratorPlanTests
{
    [Theory]
    [InlineData(12, 1)]
    [InlineData(1000, 10)]
    [InlineData(10_001, 7)]
    [InlineData(100_000, 1000)]
    [InlineData(39_996, 2)]
    public void Audit_sizes_vary_and_add_up_to_the_findings_asked_for(int findings, int audits)
    {
        var options = new GeneratorOptions(findings, audits, 3, 5);

        var plans = Enumerable.Range(0, audits).Select(a => AuditPlan.Create(options, a)).ToList();

        Assert.Equal(findings, plans.Sum(p => (long)p.Shiteki + p.Iken));
        Assert.All(plans, p => Assert.InRange(p.Shiteki, 0, GeneratorOptions.MaxPerCategory));
        Assert.All(plans, p => Assert.InRange(p.Iken, 0, GeneratorOptions.MaxPerCategory));
        Assert.All(plans, p => Assert.True(p.Shiteki + p.Iken >= 1));
        if (audits >= 10)
        {
            Assert.True(plans.Select(p => p.Shiteki + p.Iken).Distinct().Count() > 1, "sizes should vary");
        }
    }

    [Fact]
    public void Two_audits_of_the_same_year_and_kind_never_share_a_theme()
    {
        // The importer tells such audits apart by their theme only; a shared theme would merge two audits into one.
        var options = new GeneratorOptions(200_000, 20_000, 3, 1);

        var plans = Enumerable.Range(0, options.Audits).Select(a => AuditPlan.Create(options, a)).ToList();

        Assert.Equal(plans.Count, plans.Select(p => (p.Kind, p.FiscalYear, p.Theme)).Distinct().Count());
        Assert.True(plans.Select(p => p.Kind).Distinct().Count() >= 6);
        Assert.Contains(plans, p => p.FiscalYear < 2019);
        Assert.Contains(plans, p => p.FiscalYear >= 2020);
    }

    [Fact]
    public void Rounds_are_later_months_and_statuses_never_predate_the_fiscal_year()
    {
        var options = new GeneratorOptions(3000, 30, 5, 3);

        foreach (var plan in Enumerable.Range(0, options.Audits).Select(a => AuditPlan.Create(options, a)))
        {
            Assert.True(plan.MonthOf(1) > plan.FiscalYearStart + 12);
            Assert.All(Enumerable.Range(2, 4), r => Assert.True(plan.MonthOf(r) > plan.MonthOf(r - 1)));
            Assert.All(Enumerable.Range(1, 5), r => Assert.Equal(r, plan.RoundAt(plan.MonthOf(r))));
        }
    }
}
