using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kansa.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Search : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchDocuments",
                columns: table => new
                {
                    FindingId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "text", nullable: false),
                    Names = table.Column<string>(type: "text", nullable: false),
                    Body = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Published = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchDocuments", x => x.FindingId);
                    table.ForeignKey(
                        name: "FK_SearchDocuments_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_Published",
                table: "SearchDocuments",
                column: "Published");

            migrationBuilder.CreateIndex(
                name: "IX_SearchDocuments_State",
                table: "SearchDocuments",
                column: "State");

            // Hand-written: trigram GIN indexes, which serve LIKE '%…%' on the lower-cased columns as search queries
            // them. They index Japanese only in a database whose LC_CTYPE is a UTF-8 locale (kansa db migrate says so).
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_SearchDocuments_Title_Trgm\" ON \"SearchDocuments\" USING gin (lower(\"Title\") gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_SearchDocuments_Names_Trgm\" ON \"SearchDocuments\" USING gin (lower(\"Names\") gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_SearchDocuments_Body_Trgm\" ON \"SearchDocuments\" USING gin (lower(\"Body\") gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchDocuments");
        }
    }
}
