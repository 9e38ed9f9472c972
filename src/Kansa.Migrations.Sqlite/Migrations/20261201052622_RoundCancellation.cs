using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kansa.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoundCancellation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rounds_OneOpen",
                table: "Rounds");

            migrationBuilder.AddColumn<string>(
                name: "CancelReason",
                table: "Rounds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "Rounds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "Rounds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsCancelled",
                table: "Rounds",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_OneOpen",
                table: "Rounds",
                column: "IsPublished",
                unique: true,
                filter: "NOT \"IsPublished\" AND NOT \"IsCancelled\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Rounds_OneOpen",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "CancelReason",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "CancelledBy",
                table: "Rounds");

            migrationBuilder.DropColumn(
                name: "IsCancelled",
                table: "Rounds");

            migrationBuilder.CreateIndex(
                name: "IX_Rounds_OneOpen",
                table: "Rounds",
                column: "IsPublished",
                unique: true,
                filter: "NOT \"IsPublished\"");
        }
    }
}
