/** MapStruct mappers from the application's results to the response records of the contract. */
package dev.seatwise.adapter.json.mapping;
