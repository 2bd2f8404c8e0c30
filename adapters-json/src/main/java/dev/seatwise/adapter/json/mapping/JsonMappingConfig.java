package dev.seatwise.adapter.json.mapping;

import org.mapstruct.MapperConfig;
import org.mapstruct.ReportingPolicy;

/** The shared MapStruct configuration: an unmapped target property fails the build. */
@MapperConfig(unmappedTargetPolicy = ReportingPolicy.ERROR)
public interface JsonMappingConfig {}
