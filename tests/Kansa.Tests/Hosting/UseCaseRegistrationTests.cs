using System.Reflection;
using Kansa.Cli;
using Kansa.Hosting;
using Kansa.Storage;
using Kansa.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Kansa.Tests.Hosting;

/// <summary>
/// One way to compose: every use case of the core resolves from the web app's container and from the command line's,
/// both built by the same registration (<see cref="UseCaseSetup"/> through <see cref="CoreServices"/>).
/// </summary>
public class UseCaseRegistrationTests
{
    /// <summary>
    /// The use cases as docs/architecture.md describes them: public sealed classes of Kansa.Core whose constructor
    /// takes the database context (the context itself excepted).
    /// </summary>
    public static IReadOnlyList<Type> UseCases { get; } =
        [.. typeof(UseCaseSetup).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsSealed: true, IsAbstract: false } && t != typeof(KansaDbContext))
            .Where(t => t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(KansaDbContext))))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    [Fact]
    public void The_convention_finds_the_use_cases()
    {
        // Guards the reflection itself: a convention that found nothing would make the tests below pass vacuously.
        Assert.Contains(typeof(Kansa.Import.ImportStatusReports), UseCases);
        Assert.Contains(typeof(Kansa.ChangeLog.ChangeLogWriter), UseCases);
        Assert.Contains(typeof(Kansa.Sheets.ImportDepartmentSheets), UseCases);
        Assert.True(UseCases.Count >= 60, $"{UseCases.Count} use cases found");
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Every_use_case_resolves_from_the_web_app(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        await using var app = KansaWebApp.Create(new KansaWebSettings(db.Target, "http://127.0.0.1:0"));
        await using var scope = app.Services.CreateAsyncScope();
        AssertAllResolve(scope.ServiceProvider);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Engines), MemberType = typeof(TestDatabase))]
    public async Task Every_use_case_resolves_from_the_command_line(string engine)
    {
        await using var db = await TestDatabase.CreateAsync(engine, migrate: false);
        await using var services = CliServices.Build(db.Target);
        await using var scope = services.CreateAsyncScope();
        AssertAllResolve(scope.ServiceProvider);
    }

    private static void AssertAllResolve(IServiceProvider services)
    {
        var missing = UseCases.Where(t => TryResolve(services, t) is null).Select(t => t.FullName).ToList();
        Assert.True(missing.Count == 0, "not resolvable: " + string.Join(", ", missing));
    }

    private static object? TryResolve(IServiceProvider services, Type type)
    {
        try
        {
            return services.GetService(type);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
