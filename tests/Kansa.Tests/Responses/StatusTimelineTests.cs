using Kansa.Calendar;
using Kansa.Responses;
using Kansa.Status;

namespace Kansa.Tests.Timeline;

public class StatusTimelineTests
{
    private static readonly YearMonth R6_3 = new(2024, 3);
    private static readonly YearMonth R6_6 = new(2024, 6);
    private static readonly YearMonth R7_2 = new(2025, 2);
    private static readonly YearMonth R7_8 = new(2025, 8);

    [Fact]
    public void A_newer_document_speaks_over_an_older_one_once_it_is_out()
    {
        // The R6.6 document said 措置中 (R6.6); the R7.8 one says it was 措置済 already in R6.3.
        var older = Record(1, "措置中", StatusState.InProgress, R6_6, R6_6, "旧");
        var newer = Record(2, "措置済", StatusState.Done, R6_3, R7_8, "新");
        StatusRecord[] records = [older, newer];

        Assert.Same(newer, StatusTimeline.At(records, R7_8));
        Assert.Same(newer, StatusTimeline.At(records, null));
        Assert.Same(older, StatusTimeline.At(records, new YearMonth(2025, 1)));
        Assert.Same(newer, StatusTimeline.At(records, new YearMonth(2024, 4)));
    }

    [Fact]
    public void A_month_shows_the_text_its_own_document_published()
    {
        var first = Record(1, "措置済", StatusState.Done, R6_6, R6_6, "当時の文");
        var rewritten = Record(2, "措置済", StatusState.Done, R6_6, R7_8, "書き直した文");
        StatusRecord[] records = [rewritten, first];

        Assert.Same(first, StatusTimeline.At(records, R6_6));
        Assert.Same(rewritten, StatusTimeline.At(records, R7_8));
    }

    [Fact]
    public void A_later_publication_wins_over_an_earlier_one()
    {
        var inProgress = Record(1, "措置中", StatusState.InProgress, R6_6, R6_6, "a");
        var done = Record(2, "措置済", StatusState.Done, R7_2, R7_8, "b");
        StatusRecord[] records = [inProgress, done];

        Assert.Null(StatusTimeline.At(records, R6_3));
        Assert.Same(inProgress, StatusTimeline.At(records, new YearMonth(2024, 12)));
        Assert.Same(done, StatusTimeline.At(records, new YearMonth(2025, 3)));
    }

    [Fact]
    public void A_correction_in_the_same_round_wins_by_recording_time()
    {
        var published = Record(1, "措置済", StatusState.Done, R7_8, R7_8, "誤");
        var corrected = Record(2, "措置済", StatusState.Done, R7_8, R7_8, "正");
        corrected.RecordedAt = published.RecordedAt.AddDays(3);

        Assert.Same(corrected, StatusTimeline.At([corrected, published], R7_8));
    }

    private static StatusRecord Record(int id, string word, StatusState state, YearMonth published, YearMonth asOf, string response) => new()
    {
        Id = id,
        Word = word,
        State = state,
        Published = published,
        AsOf = asOf,
        Response = response,
        Source = "test",
        RecordedAt = new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero),
    };
}
